#!/usr/bin/env node
// Starts dynalite for tests and the local runner (see local/backends' Dynalite class).
//
//   node launch.js [--port N] [--path DIR]
//
// - listens on 127.0.0.1 only; port 0 (the default) picks a free ephemeral port
// - --path DIR keeps the data on disk (LevelDB) so it survives a restart; in memory otherwise
// - tables are ACTIVE at once (createTableMs/deleteTableMs/updateTableMs 0)
// - prints exactly one line "DYNALITE_PORT=<n>" on stdout once it is listening
// - exits when its stdin closes, so it dies with the process that started it
'use strict'

const dynalite = require('dynalite')

function parseArgs (argv) {
  const options = { port: 0, path: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--port' && value !== undefined) {
      options.port = Number(value)
      i++
    } else if (arg === '--path' && value !== undefined) {
      options.path = value
      i++
    } else {
      process.stderr.write(`launch.js: unknown or incomplete argument ${arg}\n`)
      process.exit(2)
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    process.stderr.write(`launch.js: bad --port ${options.port}\n`)
    process.exit(2)
  }
  return options
}

const options = parseArgs(process.argv.slice(2))
const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  path: options.path
})

let stopping = false
function shutdown (code) {
  if (stopping) return
  stopping = true
  // close the server and the LevelDB store cleanly, but never hang on keep-alive connections
  setTimeout(() => process.exit(code), 1000).unref()
  if (typeof server.closeAllConnections === 'function') server.closeAllConnections()
  server.close(() => process.exit(code))
}

server.on('error', (err) => {
  process.stderr.write(`launch.js: ${err.message}\n`)
  process.exit(1)
})

server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`DYNALITE_PORT=${server.address().port}\n`)
})

process.stdin.on('end', () => shutdown(0))
process.stdin.on('close', () => shutdown(0))
process.stdin.on('error', () => shutdown(0))
process.stdin.resume()
process.on('SIGTERM', () => shutdown(0))
process.on('SIGINT', () => shutdown(0))
