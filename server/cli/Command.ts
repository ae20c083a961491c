/** Where a command writes: results on stdout (out), messages on stderr (err), a line per call. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** One `planbord <name> …` command. run returns the exit code: 0 done, 1 failed, 2 misused. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** True for a command that works on the SQLite file in DATA_DIR only, and so refuses beside DATABASE_URL. */
  sqliteOnly?: boolean;
  run(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number>;
}

export const consoleIo: CommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
