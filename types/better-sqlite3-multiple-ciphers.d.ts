// better-sqlite3-multiple-ciphers ships typings that its package "exports" map hides from NodeNext
// resolution (and a tsconfig "paths" entry would make tsx load the .d.ts at run time). Its API is
// better-sqlite3's, so reuse those typings; RiskDesk sets keys through PRAGMAs, not the extra key() method.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3');
  export = Database;
}
