export { ConnectionTest, ShiftStartTestOffer } from './ConnectionTest';
export { DemoNetworkSwitch } from './DemoNetworkSwitch';
export { QualityMeter, QualityWarnings } from './QualityMeter';
export { QualitySampler, type LiveQuality } from './sampler';
export { readAudioCounters, RoundTripPick } from './read-stats';
export { useQuality } from './store';
export { qualityLevel } from './level';
