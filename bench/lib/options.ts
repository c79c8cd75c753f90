/** `--name value` from the command line as a number, or the fallback. */
export const numberOption = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
