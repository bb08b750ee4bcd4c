/** Types for the punycode package's ES module (the package ships none; Node's built-in is deprecated). */
declare module 'punycode/punycode.es6.js' {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
  export function encode(input: string): string;
  export function decode(input: string): string;
}
