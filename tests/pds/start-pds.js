// Starts the Bluesky reference PDS and PLC (@atproto/dev-env, TestNetworkNoAppView) on
// loopback for Townhall's tests, creates the accounts named on the command line
// ("handle:password" pairs), prints one JSON line with the URLs and account DIDs, and runs
// until stdin closes or it is sent SIGTERM. Nothing here reaches the internet.
'use strict'
const { TestNetworkNoAppView } = require('@atproto/dev-env')

async function main () {
  const network = await TestNetworkNoAppView.create({})
  const agent = network.pds.getClient()
  const accounts = []
  for (const spec of process.argv.slice(2)) {
    const cut = spec.indexOf(':')
    const handle = spec.slice(0, cut)
    const password = spec.slice(cut + 1)
    const res = await agent.com.atproto.server.createAccount({
      handle, password, email: `${handle.split('.')[0]}@example.test`
    })
    accounts.push({ handle, did: res.data.did, password })
  }
  process.stdout.write(JSON.stringify({ pds_url: network.pds.url, plc_url: network.plc.url, accounts }) + '\n')
  let closing = false
  const close = async () => {
    if (closing) return
    closing = true
    try { await network.close() } finally { process.exit(0) }
  }
  process.stdin.on('end', close)
  process.stdin.on('close', close)
  process.stdin.resume()
  process.on('SIGTERM', close)
  process.on('SIGINT', close)
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + '\n')
  process.exit(1)
})
