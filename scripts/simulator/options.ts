import { parseArgs } from 'node:util';

export interface SimulatorOptions {
  stations: number;
  url: string;
  prefix: string;
  connectors: number;
  /** Seconds between MeterValues while charging. */
  meterIntervalS: number;
  /** Simulated seconds per real second for energy and SoC (a session of hours fits in minutes). */
  speed: number;
  /** Idle time between two sessions on a connector, seconds (random in range). */
  idleS: [number, number];
  idTags: string[];
  password: string | undefined;
  /** Stop after this many seconds (0 = run until Ctrl-C). */
  durationS: number;
  /** Seconds over which the stations connect (0 = all at once). */
  rampS: number;
  quiet: boolean;
}

export const usage = `Usage: npm run simulate -- [options]
  --stations N         virtual stations (default 5)
  --url URL            CSMS endpoint without the identity (default ws://127.0.0.1:9000/ocpp)
  --prefix P           identity prefix (default SIM-): SIM-0001, SIM-0002, ...
  --connectors N       connectors per station (default 2)
  --meter-interval S   seconds between MeterValues while charging (default 10)
  --speed X            simulated seconds per real second for energy and SoC (default 60)
  --idle MIN-MAX       seconds idle between sessions (default 5-30)
  --id-tags A,B,C      RFID tags to present (default SIM-TAG-1..SIM-TAG-20)
  --password P         HTTP Basic password (security profile 1)
  --duration S         stop after S seconds (default: run until Ctrl-C)
  --ramp S             spread the connects over S seconds (default 0)
  --quiet              no per-station log lines`;

export function parseSimulatorOptions(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      stations: { type: 'string', default: '5' },
      url: { type: 'string', default: 'ws://127.0.0.1:9000/ocpp' },
      prefix: { type: 'string', default: 'SIM-' },
      connectors: { type: 'string', default: '2' },
      'meter-interval': { type: 'string', default: '10' },
      speed: { type: 'string', default: '60' },
      idle: { type: 'string', default: '5-30' },
      'id-tags': { type: 'string' },
      password: { type: 'string' },
      duration: { type: 'string', default: '0' },
      ramp: { type: 'string', default: '0' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}\n\n${usage}`);
    return value;
  };
  const [idleMin, idleMax] = values.idle.split('-').map((part) => number('idle', part, 0));
  return {
    stations: Math.floor(number('stations', values.stations, 1)),
    url: values.url.replace(/\/+$/, ''),
    prefix: values.prefix,
    connectors: Math.floor(number('connectors', values.connectors, 1)),
    meterIntervalS: number('meter-interval', values['meter-interval'], 0.05),
    speed: number('speed', values.speed, 0.01),
    idleS: [idleMin ?? 5, idleMax ?? idleMin ?? 30],
    idTags: values['id-tags'] ? values['id-tags'].split(',').filter(Boolean) : simulatorIdTags(20),
    password: values.password,
    durationS: number('duration', values.duration, 0),
    rampS: number('ramp', values.ramp, 0),
    quiet: values.quiet,
  };
}

/** The RFID cards the simulator presents by default: SIM-TAG-1 … SIM-TAG-n. */
export function simulatorIdTags(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `SIM-TAG-${i + 1}`);
}
