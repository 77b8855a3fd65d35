/**
 * The NAV stand-in for the jobs ingest bench, in a worker thread: real NAV is another machine,
 * so its work should not be counted against the ingest's own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startNavFeedServer, type TestLocation } from '../test/support/nav-feed-server.js';

const PLACES: TestLocation[] = [
  { municipal: 'TYNSET', county: 'INNLANDET', postalCode: '2500' },
  { municipal: 'ROSSE - RØROS', county: 'TRØNDELAG', postalCode: '7374' },
  { municipal: 'ALVDAL', county: 'INNLANDET', postalCode: '2560' },
  { municipal: 'OS', county: 'INNLANDET', postalCode: '2550' },
  { municipal: 'TOLGA', county: 'INNLANDET', postalCode: '2540' },
  { municipal: 'FOLLDAL', county: 'INNLANDET', postalCode: '2580' },
  { municipal: 'RENDALEN', county: 'INNLANDET', postalCode: '2485' },
];

/** About 2 kB of the HTML employers write, with what the sanitiser must take out. */
const DESCRIPTION = `<h1>Om stillingen</h1><p style="margin:0" onclick="x()">Vi søker deg som vil jobbe i en
 av Norges flotteste regioner. ${'Du får gode kolleger, fleksibel arbeidstid og spennende oppgaver. '.repeat(12)}</p>
 <ul>${'<li>Relevant utdanning og erfaring</li>'.repeat(8)}</ul><script>track()</script>
 <p>Les mer på <a href="https://example.no/jobb" target="_blank">nettsiden vår</a>.</p>`;

const { entries } = workerData as { entries: number };
const feed = await startNavFeedServer({ pageSize: 1000 });
for (let i = 0; i < entries; i++) {
  feed.addAd({
    title: `Stilling ${i}`,
    employer: `Arbeidsgiver ${i % 400}`,
    orgnr: String(910_000_000 + (i % 400)),
    description: DESCRIPTION,
    locations: [PLACES[i % PLACES.length]!],
  });
}
parentPort!.postMessage({ url: feed.url });
parentPort!.once('message', () => void feed.close().then(() => process.exit(0)));
