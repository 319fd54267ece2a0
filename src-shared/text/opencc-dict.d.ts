// OpenCC's character dictionaries ship as modules whose default export is "from to|from to|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
