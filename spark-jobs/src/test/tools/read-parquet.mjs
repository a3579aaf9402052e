// Prints every row of the Parquet files given, read by hyparquet (a pure-JavaScript Parquet
// implementation that shares no code with Spark, parquet-java or DuckDB), for the tests' reader
// comparison: one JSON line per file with its column names, then one JSON array per row.
//
//   node read-parquet.mjs FILE...
//
// Numbers keep their exact value: INT64 (BigInt) as its digits, floats as JavaScript's shortest
// round-trip decimal; JSON has no NaN, infinities or negative zero, so those are the strings
// "NaN", "Infinity", "-Infinity" and "-0" (the reading test knows each column's type).
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

function encode(v) {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '"NaN"'
    if (v === Infinity) return '"Infinity"'
    if (v === -Infinity) return '"-Infinity"'
    if (Object.is(v, -0)) return '"-0"'
    return String(v)
  }
  if (typeof v === 'string') return JSON.stringify(v)
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return '[' + Array.from(v, encode).join(',') + ']'
  throw new Error('unexpected value of type ' + typeof v + ': ' + String(v))
}

for (const path of process.argv.slice(2)) {
  const file = await asyncBufferFromFile(path)
  const metadata = await parquetMetadataAsync(file)
  const columns = metadata.schema[0].num_children
  // top-level columns only: the schema list is flattened depth-first
  const top = []
  let i = 1
  const skip = element => {
    let children = element.num_children || 0
    i++
    while (children-- > 0) skip(metadata.schema[i])
  }
  while (top.length < columns) {
    top.push(metadata.schema[i].name)
    skip(metadata.schema[i])
  }
  process.stdout.write(JSON.stringify({ file: path, columns: top }) + '\n')
  const rows = await parquetReadObjects({ file, compressors, metadata })
  for (const row of rows) {
    process.stdout.write('[' + top.map(c => encode(row[c])).join(',') + ']\n')
  }
}
