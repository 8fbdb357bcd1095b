/** opencc-js ships its dictionaries as modules whose default export is "a b|c d|…" text. */
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
declare module 'opencc-js/dict/STCharacters' {
  const pairs: string;
  export default pairs;
}
