// Starts the reference Bluesky network WITH its AppView (@atproto/dev-env TestNetwork: PLC, PDS,
// AppView, Ozone) on loopback, for tests that read what only the AppView answers (profiles with
// follower counts). Needs PostgreSQL (DB_POSTGRES_URL) and Redis (REDIS_HOST). Creates the
// accounts named on the command line ("handle:password"), then the follows named with
// "follow=a.test>b.test", waits until the AppView has indexed them, prints one JSON line, and
// runs until stdin closes or SIGTERM. Nothing here reaches the internet.
'use strict'
const { TestNetwork } = require('@atproto/dev-env')

async function main () {
  const network = await TestNetwork.create({ dbPostgresSchema: process.env.DB_POSTGRES_SCHEMA || 'townhall' })
  const agent = network.pds.getClient()
  const accounts = {}
  const follows = []
  for (const spec of process.argv.slice(2)) {
    if (spec.startsWith('follow=')) { follows.push(spec.slice(7).split('>')); continue }
    const cut = spec.indexOf(':')
    const handle = spec.slice(0, cut)
    const password = spec.slice(cut + 1)
    const res = await agent.com.atproto.server.createAccount({
      handle, password, email: `${handle.split('.')[0]}@example.test`
    })
    accounts[handle] = { handle, did: res.data.did, password, jwt: res.data.accessJwt }
  }
  for (const [from, to] of follows) {
    await agent.com.atproto.repo.createRecord({
      repo: accounts[from].did,
      collection: 'app.bsky.graph.follow',
      record: { $type: 'app.bsky.graph.follow', subject: accounts[to].did, createdAt: new Date().toISOString() }
    }, { headers: { authorization: `Bearer ${accounts[from].jwt}` }, encoding: 'application/json' })
  }
  await network.processAll()
  const out = Object.values(accounts).map(({ jwt, ...rest }) => rest)
  process.stdout.write(JSON.stringify({ pds_url: network.pds.url, appview_url: network.bsky.url, accounts: out }) + '\n')
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
