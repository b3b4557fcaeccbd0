/** A value the user gave (a flag, an argument) that cannot be read: the command line prints it and exits 2. */
export class UsageError extends Error {}

/** A config that cannot be read or is invalid: the message names the file and the key. */
export class ConfigError extends Error {}
