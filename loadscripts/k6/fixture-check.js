// k6: /delay/lognormal:20ms:0.5 at a fixed arrival rate, measured percentiles against the true ones (issue 26).
//   k6 run -e BASE=http://127.0.0.1:8080 -e RATE=200 -e DURATION=60s loadscripts/k6/fixture-check.js
// constant-arrival-rate is open loop (like wrk2 and bench run's load=rate): iterations start on schedule whatever the
// server does, and k6 counts the ones it could not start (dropped_iterations) instead of stretching the schedule, so
// http_req_duration is not hidden by coordinated omission. The thresholds fail the run when a measured percentile is
// more than 5% (plus 2 ms of loopback and client time) off the distribution's: p50 20.000, p90 37.959, p99 64.001 ms.
// Also checks each answer: 200, X-Query-Count 0, and Server-Timing's delay entry equal to the body's delayUs.
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:8080';
const TRUE = { p50: 20.0, p90: 37.959, p99: 64.001 };
const bound = (ms) => (ms * 1.05 + 2).toFixed(3);
const floor = (ms) => (ms * 0.95).toFixed(3);

export const options = {
    scenarios: {
        fixed_rate: {
            executor: 'constant-arrival-rate',
            rate: Number(__ENV.RATE || 200),
            timeUnit: '1s',
            duration: __ENV.DURATION || '60s',
            preAllocatedVUs: 100,
            maxVUs: 1000,
        },
    },
    summaryTrendStats: ['med', 'p(90)', 'p(99)', 'max'],
    thresholds: {
        http_req_duration: [
            `med<${bound(TRUE.p50)}`, `med>${floor(TRUE.p50)}`,
            `p(90)<${bound(TRUE.p90)}`, `p(90)>${floor(TRUE.p90)}`,
            `p(99)<${bound(TRUE.p99)}`, `p(99)>${floor(TRUE.p99)}`,
        ],
        checks: ['rate==1'],
        dropped_iterations: ['count==0'],
    },
};

export default function () {
    const res = http.get(`${BASE}/delay/lognormal:20ms:0.5`);
    const drawn = res.status === 200 ? JSON.parse(res.body).delayUs : -1;
    const timing = /delay;dur=(\d+)\.(\d{3})/.exec(res.headers['Server-Timing'] || '');
    check(res, {
        'status 200': (r) => r.status === 200,
        'X-Query-Count 0': (r) => r.headers['X-Query-Count'] === '0',
        'Server-Timing says the drawn delay': () => timing !== null && Number(timing[1]) * 1000 + Number(timing[2]) === drawn,
    });
}
