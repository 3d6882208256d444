import { dagBuilder, failsAfter, takes } from './dagBuilder.ts';
import type { ClusterRef, TaskSpec } from './model.ts';

/** Hand-written tasks of the named scenarios. Plans are in ticks; see scenarios.ts for their histories. */

const OCP_SERVER = '172.16.8.21';
const admin = { id: 100, name: 'admin' };
const operator = { id: 205, name: 'ops_zhang' };
const prod: ClusterRef = { id: 3, name: 'obcluster-prod', obClusterId: 1689146721, type: 'PRIMARY' };
const hosts = (prefix: string, from: number, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);

const INSTALL_ERROR = 'Failed to install oceanbase-4.2.1.2 on 10.0.0.34: /home/admin/oceanbase: No space left on device';
/** What OCP's executor prints under a failed Java task: the exception, its frames, its cause. */
const INSTALL_TRACE = [
  `com.oceanbase.ocp.core.exception.OcpException: [OCP-60018] ${INSTALL_ERROR}`,
  '\tat com.oceanbase.ocp.service.task.business.observer.InstallObserverTask.installPackage(InstallObserverTask.java:187)',
  '\tat com.oceanbase.ocp.service.task.business.observer.InstallObserverTask.run(InstallObserverTask.java:94)',
  '\tat com.oceanbase.ocp.service.task.engine.runner.JavaSubtaskRunner.doRun(JavaSubtaskRunner.java:71)',
  '\tat com.oceanbase.ocp.service.task.engine.runner.AbstractSubtaskRunner.run(AbstractSubtaskRunner.java:112)',
  '\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)',
  '\tat java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)',
  '\tat java.lang.Thread.run(Thread.java:750)',
  'Caused by: com.oceanbase.ocp.agent.client.AgentException: agent on 10.0.0.34:62888 answered exit code 1: rpm: error: /home/admin/oceanbase: No space left on device',
  '\tat com.oceanbase.ocp.agent.client.AgentClient.checkResult(AgentClient.java:233)',
  '\tat com.oceanbase.ocp.agent.client.AgentClient.execute(AgentClient.java:148)',
  '\tat com.oceanbase.ocp.service.task.business.observer.InstallObserverTask.installPackage(InstallObserverTask.java:181)',
  '\t... 6 more',
];

export function failedFanoutTask(id: string): TaskSpec {
  const b = dagBuilder(2010001, { rollbackRuns: [{ ticks: 2 }] });
  const check = b.add('Check zone parameters', [], takes(2));
  const res = b.add('Check host resources', check, takes(3));
  const zone = b.add('Add zone zone3 to cluster', res, { ...takes(2), rollbackRuns: [{ ticks: 3 }] });
  const ticks = [5, 6, 4, 7, 5, 6];
  const installs = b.parallel(hosts('Install OBServer on 10.0.0.', 31, 6), zone, (i) =>
    i === 3 ? { runs: [{ ticks: 7, fail: true, error: INSTALL_ERROR, trace: INSTALL_TRACE }, { ticks: 5 }] } : takes(ticks[i] ?? 5),
  );
  const start = b.add('Start OBServers in zone zone3', installs, takes(4));
  const register = b.add('Add OBServers to zone zone3', start, takes(2));
  const up = b.add('Start zone zone3', register, takes(3));
  const refresh = b.add('Refresh cluster topology', up, takes(1));
  b.add('Finish adding zone', refresh, takes(1));
  return {
    id,
    name: 'Add zone zone3 to cluster obcluster-prod',
    cluster: prod,
    tenant: { id: 1001, name: 'sys', obTenantId: 1, mode: 'MYSQL' },
    creator: admin,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

export function prohibitedTask(id: string): TaskSpec {
  const b = dagBuilder(2020001);
  const check = b.add('Check upgrade prerequisites', [], takes(2));
  const uploads = b.parallel(hosts('Upload upgrade package to 10.0.1.', 11, 3), check, () => takes(3));
  const binaries = b.add('Upgrade OBServer binaries', uploads, {
    ...takes(4),
    description: 'Replace OBServer binaries with 4.2.1.2 (binaries cannot be downgraded)',
    prohibitRollback: true,
  });
  const post = b.add(
    'Run upgrade post script',
    binaries,
    failsAfter(3, 'upgrade_post_checker.py failed: tenant 1002 schema version mismatch (expected 4.2.1.2, got 4.1.0.2)'),
  );
  const restart = b.add('Restart OBServers', post);
  b.add('Finish upgrading cluster', restart);
  return {
    id,
    name: 'Upgrade cluster obcluster-legacy to 4.2.1.2',
    cluster: { id: 5, name: 'obcluster-legacy', obClusterId: 1650218544, type: 'PRIMARY' },
    creator: operator,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

/** About 56 ticks from submit to SUCCESSFUL, with a three-way fan-out. */
export function runningTask(id: string): TaskSpec {
  const b = dagBuilder(2030001);
  const check = b.add('Check tenant parameters', [], takes(2));
  const pool = b.add('Create resource pool pool_tenant_trade', check, takes(4));
  const units = b.parallel(['Create resource unit in zone1', 'Create resource unit in zone2', 'Create resource unit in zone3'], pool, (i) =>
    takes([6, 8, 7][i] ?? 6),
  );
  const tenant = b.add('Create tenant tenant_trade', units, takes(10));
  const vars = b.add('Set tenant variables', tenant, takes(4));
  const grant = b.add('Grant privileges', vars, takes(3));
  const users = b.add('Create tenant users', grant, takes(5));
  const params = b.add('Initialize tenant parameters', users, takes(5));
  const refresh = b.add('Refresh tenant info', params, takes(3));
  b.add('Finish creating tenant', refresh, takes(2));
  return {
    id,
    name: 'Create tenant tenant_trade in cluster obcluster-prod',
    cluster: prod,
    tenant: { id: 1012, name: 'tenant_trade', obTenantId: 1012, mode: 'MYSQL' },
    creator: admin,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

export function rollbackFailsTask(id: string): TaskSpec {
  const b = dagBuilder(2040001);
  const check = b.add('Check zone zone2 can be deleted', [], takes(1));
  const stops = b.parallel(hosts('Stop OBServer on 10.0.2.', 11, 3), check, (i) =>
    i === 1
      ? {
          ...takes(3),
          rollbackRuns: [
            { ticks: 3, fail: true, error: 'Failed to start observer on 10.0.2.12: port 2882 is already in use' },
            { ticks: 2 },
          ],
        }
      : { ...takes(2), rollbackRuns: [{ ticks: 2 }] },
  );
  const del = b.add(
    'Delete zone zone2',
    stops,
    failsAfter(2, "ALTER SYSTEM DELETE ZONE 'zone2' failed: the zone still has 2 units (ret=-4179)"),
  );
  const refresh = b.add('Refresh cluster topology', del);
  b.add('Finish deleting zone', refresh);
  return {
    id,
    name: 'Delete zone zone2 from cluster obcluster-dr',
    cluster: { id: 7, name: 'obcluster-dr', obClusterId: 1701338922, type: 'STANDBY' },
    creator: operator,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

/** Fails by timeout in its last subtask (a 30-tick run with a 5 s timeout); rolled back in its history. */
export function rolledBackTask(id: string): TaskSpec {
  const b = dagBuilder(2050001);
  const check = b.add('Check primary zone', [], takes(1));
  const switches = b.parallel(['Switch leaders in zone1', 'Switch leaders in zone2'], check, () => takes(2));
  b.add('Wait for leader switch', switches, { ...takes(30), timeout: 5 });
  return {
    id,
    name: 'Modify primary zone of tenant tenant_crm',
    cluster: prod,
    tenant: { id: 1015, name: 'tenant_crm', obTenantId: 1015, mode: 'ORACLE' },
    creator: admin,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

/** 14 parallel collectors: 10 run, 4 wait READY; scenarios.ts cancels one of them. */
export const CANCELED_PARALLEL_IDX = 2;
export function cancelingTask(id: string): TaskSpec {
  const b = dagBuilder(2060001);
  const prep = b.add('Prepare log collection', [], takes(1));
  const ticks = [12, 40, 60, 45, 50, 38, 42, 47, 44, 36, 30, 20, 20, 20];
  const collect = b.parallel(hosts('Collect OBServer logs on 10.0.3.', 11, 14), prep, (i) => ({
    ...takes(ticks[i] ?? 20),
    cancelTicks: 25,
  }));
  const pack = b.add('Package collected logs', collect, takes(3));
  b.add('Upload log package to OCP', pack, takes(2));
  return {
    id,
    name: 'Collect diagnostic logs of cluster obcluster-prod',
    cluster: prod,
    creator: operator,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';

/** Names and descriptions that a console must show as text. */
export function hostileTask(id: string): TaskSpec {
  const b = dagBuilder(2070001);
  const a = b.add(`Check tenant name ${IMG}`, [], { ...takes(1), description: `Check that ${SCRIPT} is a valid name` });
  const c = b.add(`Rename tenant to ${SCRIPT}`, a, {
    ...failsAfter(2, `Invalid tenant name: ${IMG}`),
    description: `Rename the tenant ${IMG}`,
  });
  b.add(`Refresh tenant ${IMG}${SCRIPT}`, c, { description: `${SCRIPT}${IMG}` });
  return {
    id,
    name: `Rename tenant ${SCRIPT}`,
    cluster: prod,
    tenant: { id: 1020, name: `tenant_${IMG}`, obTenantId: 1020, mode: 'MYSQL' },
    creator: admin,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}

/** Ids above 2^53, which OCP sends as JSON strings. */
export function bigIdTask(id: string): TaskSpec {
  const first = 9007199254740995n;
  const sid = (i: number) => String(first + BigInt(i * 2));
  return {
    id,
    name: 'Restart OBProxy obproxy-prod-1',
    creator: admin,
    executor: OCP_SERVER,
    subtasks: [
      { id: sid(0), name: 'Stop OBProxy', timeout: 300, runs: [{ ticks: 2 }] },
      { id: sid(1), name: 'Start OBProxy', timeout: 300, upstreams: [sid(0)], runs: [{ ticks: 3 }] },
      { id: sid(2), name: 'Check OBProxy status', timeout: 60, upstreams: [sid(1)], runs: [{ ticks: 1 }] },
    ],
  };
}

/** Bytes of the checksum run's output in the huge-log scenario: a 10 MB log. */
export const HUGE_LOG_BYTES = 10 * 1024 * 1024;
export const HUGE_LOG_CHECK_TICKS = 3;

/**
 * A consistency check whose first run failed, was retried and failed again after printing 10 MB:
 * its log has two runs (EXECUTE, RETRY), the reason at the very end. scenarios.ts does the retry.
 */
export function hugeLogTask(id: string): TaskSpec {
  const b = dagBuilder(2080001);
  const prep = b.add('Check tenant tenant_trade is online', [], takes(1));
  const mismatch =
    'Checksum mismatch on tenant_id=1003 table_id=500714 partition_id=9: leader 10.0.5.11 has 8f41a2c7, follower 10.0.5.12 has 0b7d3e91';
  const check = b.add('Run checksum check on 10.0.5.11', prep, {
    timeout: 3600,
    runs: [
      {
        ticks: HUGE_LOG_CHECK_TICKS,
        fail: true,
        error: 'Connection to 10.0.5.11:2881 reset while reading partition checksums (ret=-4012)',
      },
      { ticks: 40, fail: true, error: mismatch, bulkBytes: HUGE_LOG_BYTES },
    ],
  });
  b.add('Finish consistency check', check, takes(1));
  return {
    id,
    name: 'Check data consistency of tenant tenant_trade',
    cluster: prod,
    tenant: { id: 1012, name: 'tenant_trade', obTenantId: 1012, mode: 'MYSQL' },
    creator: operator,
    executor: OCP_SERVER,
    subtasks: b.subtasks,
  };
}
