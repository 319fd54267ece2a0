export { FloorBoard } from './FloorBoard';
