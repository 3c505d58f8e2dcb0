// moncc's PromQL checks against Debian's promtool 2.42 on real-world rule files (../shared/corpus/rules):
// moncc must reject everything promtool rejects, and what moncc alone rejects must be exactly the
// reviewed list below. `npm run corpus` prints the full report (docs/validation.md explains it).

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { tempDir } from "../helpers.js";
import { requireTool } from "../tools/tools.js";
import { compareCorpus, formatReport, monccOnlyRejections, promtoolOnlyRejections, type CorpusResult } from "./promql-corpus.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.resolve(REPO, "..", "shared", "corpus", "rules");

const SHORT_RANGE = "MON210: a [1m] rate-like range holds one sample at the assumed 1m scrape interval (the rule needs scrapes of 30s or less); promtool cannot know the interval";
const SHORT_RANGE_30S = "MON210: as SHORT_RANGE; kube-prometheus scrapes every 30s, where [1m] holds exactly two samples";
const COUNT_NEVER_ZERO = "MON216: count() returns no series rather than 0, so `count(...) == 0` never fires (a real bug; promtool does not evaluate values)";

/** Expressions promtool accepts and moncc rejects, each reviewed: key "file › rule name". */
const REVIEWED = new Map<string, string>([
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraAuthenticationFailures", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraClientRequestUnavailableRead(criteo)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraClientRequestUnavailableWrite(criteo)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraConnectionTimeoutsTotal(criteo)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraHintsCount", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_criteo-cassandra-exporter.yml › CassandraStorageExceptions(criteo)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_instaclustr-cassandra-exporter.yml › CassandraClientRequestReadFailure(instaclustr)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_instaclustr-cassandra-exporter.yml › CassandraClientRequestUnavailableRead(instaclustr)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_instaclustr-cassandra-exporter.yml › CassandraClientRequestUnavailableWrite(instaclustr)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_instaclustr-cassandra-exporter.yml › CassandraClientRequestWriteFailure(instaclustr)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cassandra_instaclustr-cassandra-exporter.yml › CassandraStorageExceptions(instaclustr)", SHORT_RANGE],
  ["awesome-prometheus-alerts/cilium_embedded-exporter.yml › CiliumAgentEndpointCreateFailure", SHORT_RANGE],
  ["awesome-prometheus-alerts/cilium_embedded-exporter.yml › CiliumAgentHighDeniedRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/cilium_embedded-exporter.yml › CiliumAgentNatTableFull", SHORT_RANGE],
  ["awesome-prometheus-alerts/clickhouse_embedded-exporter.yml › ClickhouseHighNetworkUsage", SHORT_RANGE],
  ["awesome-prometheus-alerts/clickhouse_embedded-exporter.yml › ClickhouseRejectedInsertQueries", SHORT_RANGE],
  ["awesome-prometheus-alerts/clickhouse_embedded-exporter.yml › ClickhouseZookeeperHardwareException", SHORT_RANGE],
  ["awesome-prometheus-alerts/coredns_embedded-exporter.yml › CorednsPanicCount", SHORT_RANGE],
  ["awesome-prometheus-alerts/docker-containers_google-cadvisor.yml › ContainerHighLowChangeCpuUsage", SHORT_RANGE],
  ["awesome-prometheus-alerts/elasticsearch_prometheus-community-elasticsearch-exporter.yml › ElasticsearchHighIndexingRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/elasticsearch_prometheus-community-elasticsearch-exporter.yml › ElasticsearchHighQueryLatency", SHORT_RANGE],
  ["awesome-prometheus-alerts/elasticsearch_prometheus-community-elasticsearch-exporter.yml › ElasticsearchHighQueryRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdGrpcRequestsSlow", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdHighNumberOfFailedGrpcRequestsCritical", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdHighNumberOfFailedGrpcRequestsWarning", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdHighNumberOfFailedHttpRequestsCritical", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdHighNumberOfFailedHttpRequestsWarning", SHORT_RANGE],
  ["awesome-prometheus-alerts/etcd_embedded-exporter.yml › EtcdHttpRequestsSlow", SHORT_RANGE],
  ["awesome-prometheus-alerts/grafana-mimir_embedded-exporter.yml › MimirAlertmanagerInitialSyncFailed", SHORT_RANGE],
  ["awesome-prometheus-alerts/grafana-mimir_embedded-exporter.yml › MimirIngesterTsdbWalWritesFailed", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyBackendConnectionErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyHighHttp4xxErrorRateBackend", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyHighHttp4xxErrorRateServer", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyHighHttp5xxErrorRateBackend", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyHighHttp5xxErrorRateServer", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyRetryHigh", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyServerConnectionErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyServerHealthcheckFailure", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml › HaproxyServerResponseErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyBackendConnectionErrors(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyHighHttp4xxErrorRateBackend(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyHighHttp4xxErrorRateServer(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyHighHttp5xxErrorRateBackend(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyHighHttp5xxErrorRateServer(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyRetryHigh(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyServerConnectionErrors(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyServerHealthcheckFailure(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/haproxy_haproxy-exporter-v1.yml › HaproxyServerResponseErrors(v1)", SHORT_RANGE],
  ["awesome-prometheus-alerts/host-and-hardware_node-exporter.yml › HostEdacCorrectableErrorsDetected", SHORT_RANGE],
  ["awesome-prometheus-alerts/host-and-hardware_node-exporter.yml › HostUnusualDiskReadLatency", SHORT_RANGE],
  ["awesome-prometheus-alerts/host-and-hardware_node-exporter.yml › HostUnusualDiskWriteLatency", SHORT_RANGE],
  ["awesome-prometheus-alerts/istio_embedded-exporter.yml › IstioHighRequestLatency", SHORT_RANGE],
  ["awesome-prometheus-alerts/istio_embedded-exporter.yml › IstioLatency99Percentile", SHORT_RANGE],
  ["awesome-prometheus-alerts/istio_embedded-exporter.yml › IstioMixerPrometheusDispatchesLow", SHORT_RANGE],
  ["awesome-prometheus-alerts/istio_embedded-exporter.yml › IstioPilotHighPushErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerAgentHttpServerErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerAgentSpansDropped", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerClientRpcRequestErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerClientSpansDropped", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerCollectorDroppingSpans", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerQueryRequestFailures", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerSamplingUpdateFailing", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter-legacy.yml › JaegerThrottlingUpdateFailing", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter.yml › JaegerHighStorageErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter.yml › JaegerQueryServiceHighErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter.yml › JaegerServiceDiscoveryErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/jaeger_embedded-exporter.yml › JaegerStorageCompletelyUnavailable", SHORT_RANGE],
  ["awesome-prometheus-alerts/juniper_czerwonk-junos-exporter.yml › JuniperCriticalBandwidthUsage1gib", SHORT_RANGE],
  ["awesome-prometheus-alerts/juniper_czerwonk-junos-exporter.yml › JuniperWarningBandwidthUsage1gib", SHORT_RANGE],
  ["awesome-prometheus-alerts/kafka_linkedin-kafka-exporter.yml › KafkaTopicOffsetDecreased", SHORT_RANGE],
  ["awesome-prometheus-alerts/kubernetes_kubestate-exporter.yml › KubernetesApiClientErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/kubernetes_kubestate-exporter.yml › KubernetesApiServerErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/kubernetes_kubestate-exporter.yml › KubernetesPodCrashLooping", SHORT_RANGE],
  ["awesome-prometheus-alerts/linkerd_embedded-exporter.yml › LinkerdHighErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/loki_embedded-exporter.yml › LokiRequestErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/mongodb_dcu-mongodb-exporter.yml › MongodbCursorsTimeouts(dcu)", SHORT_RANGE],
  ["awesome-prometheus-alerts/mongodb_percona-mongodb-exporter.yml › MongodbCursorsTimeouts(percona)", SHORT_RANGE],
  ["awesome-prometheus-alerts/mysql_mysqld-exporter.yml › MysqlHighQps", SHORT_RANGE],
  ["awesome-prometheus-alerts/mysql_mysqld-exporter.yml › MysqlSlowQueries", SHORT_RANGE],
  ["awesome-prometheus-alerts/netdata_embedded-exporter.yml › NetdataDiskReallocatedSectors", SHORT_RANGE],
  ["awesome-prometheus-alerts/nginx_knyar-nginx-exporter.yml › NginxHighHttp4xxErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/nginx_knyar-nginx-exporter.yml › NginxHighHttp5xxErrorRate", SHORT_RANGE],
  ["awesome-prometheus-alerts/pgbouncer_spreaker-pgbouncer-exporter.yml › PgbouncerErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/postgresql_postgres-exporter.yml › PostgresqlDeadLocks", SHORT_RANGE],
  ["awesome-prometheus-alerts/postgresql_postgres-exporter.yml › PostgresqlLowXidConsumption", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbCheckpointCreationFailures", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbCheckpointDeletionFailures", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbCompactionsFailed", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbHeadTruncationsFailed", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbReloadFailures", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbWalCorruptions", SHORT_RANGE],
  ["awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml › PrometheusTsdbWalTruncationsFailed", SHORT_RANGE],
  ["awesome-prometheus-alerts/promtail_embedded-exporter.yml › PromtailRequestErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/pulsar_embedded-exporter.yml › PulsarHighNumberOfFunctionErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/pulsar_embedded-exporter.yml › PulsarHighNumberOfSinkErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/rabbitmq_kbudde-rabbitmq-exporter.yml › RabbitmqInactiveExchange", SHORT_RANGE],
  ["awesome-prometheus-alerts/redis_oliver006-redis-exporter.yml › RedisClusterFlapping", SHORT_RANGE],
  ["awesome-prometheus-alerts/redis_oliver006-redis-exporter.yml › RedisRejectedConnections", SHORT_RANGE],
  ["awesome-prometheus-alerts/redis_oliver006-redis-exporter.yml › RedisReplicationBroken", SHORT_RANGE],
  ["awesome-prometheus-alerts/solr_embedded-exporter.yml › SolrQueryErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/solr_embedded-exporter.yml › SolrReplicationErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/solr_embedded-exporter.yml › SolrUpdateErrors", SHORT_RANGE],
  ["awesome-prometheus-alerts/traefik_embedded-exporter-v1.yml › TraefikBackendDown", COUNT_NEVER_ZERO],
  ["awesome-prometheus-alerts/traefik_embedded-exporter-v2.yml › TraefikServiceDown", COUNT_NEVER_ZERO],
  ["kube-prometheus/kubernetesControlPlane-prometheusRule.yaml › KubeAggregatedAPIErrors", SHORT_RANGE_30S],
]);

/** Whole files promtool flags with its duplicate-rules lint (printed as FAILED, exit code 0). */
const DUPLICATE_RULE_FILES = ["kube-prometheus/kubernetesControlPlane-prometheusRule.yaml"];

/**
 * Controls with a known verdict (`promtool`, `moncc`: whether each accepts), run through the same
 * comparison: the corpus itself has nothing promtool rejects, so these show that a rejection on
 * either side is seen and counted.
 */
const CONTROLS: readonly { expr: string; role: "alert" | "record"; promtool: boolean; moncc: boolean }[] = [
  { expr: "up ==", role: "alert", promtool: false, moncc: false },
  { expr: "rate(up) > 0", role: "alert", promtool: false, moncc: false },
  { expr: "1 > 2", role: "record", promtool: false, moncc: false },
  { expr: '{job=""}', role: "record", promtool: false, moncc: false },
  { expr: 'up{job=~"a(b"} == 0', role: "alert", promtool: false, moncc: false },
  { expr: 'up{__name__="down"}', role: "record", promtool: false, moncc: false },
  { expr: "up and on() group_left vector(1)", role: "record", promtool: false, moncc: false },
  { expr: 'sort_by_label(up, "job")', role: "record", promtool: false, moncc: false },
  { expr: '{"up"} == 0', role: "alert", promtool: false, moncc: false },
  { expr: "max_over_time(up[1m + 1m]) == 0", role: "alert", promtool: false, moncc: false },
  { expr: "up[5m]", role: "record", promtool: true, moncc: false },
  { expr: 'label_replace(up, "to", "$1", "job", "(a")', role: "record", promtool: true, moncc: false },
  { expr: "holt_winters(up[10m], 0.5, 0.5)", role: "record", promtool: true, moncc: true },
  { expr: "present_over_time(up[5m] @ start())", role: "record", promtool: true, moncc: true },
  { expr: 'absent({__name__=~"up|scrape_.*", __name__!="scrape_samples_scraped"} offset -5m)', role: "record", promtool: true, moncc: true },
  // Prometheus allows offset and @ only after a selector or a subquery; the grammar and the linter
  // allow them after any expression, so MON202 checks the placement itself.
  { expr: "sum(up) offset 5m", role: "record", promtool: false, moncc: false },
  { expr: "rate(up[5m]) @ 100", role: "record", promtool: false, moncc: false },
];

function controlsCorpus(): string {
  const dir = tempDir("moncc-controls-");
  const rules = CONTROLS.map((c, i) => (c.role === "alert" ? { alert: `Control${i}`, expr: c.expr } : { record: `control:${i}`, expr: c.expr }));
  fs.writeFileSync(path.join(dir, "controls.yml"), stringify({ groups: [{ name: "controls", rules }] }));
  return dir;
}

function corpus(): string {
  if (!fs.existsSync(CORPUS)) {
    throw new Error(`the rule corpus is missing: expected ${CORPUS} (awesome-prometheus-alerts and kube-prometheus rule files, see ../shared/corpus/README.md)`);
  }
  return CORPUS;
}

describe("PromQL corpus: moncc against promtool on real-world rule files", () => {
  let result: CorpusResult;
  const work = tempDir("moncc-corpus-");
  beforeAll(() => {
    result = compareCorpus(corpus(), requireTool("promtool"), work);
    if (process.env.MONCC_CORPUS_REPORT) console.log(formatReport(result, REVIEWED));
  });
  // One small rule file per corpus rule: about 1,200 files.
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("reads every rule file and rule", () => {
    expect(result.files.length).toBe(120);
    expect(result.rules.length).toBe(1188);
  });

  it("promtool accepts every file as a whole (apart from its duplicate-rules lint)", () => {
    expect(result.files.filter((f) => f.verdict === "failed")).toEqual([]);
    expect(result.files.filter((f) => f.verdict === "lint").map((f) => f.file)).toEqual(DUPLICATE_RULE_FILES);
  });

  it("moncc rejects every expression promtool rejects", () => {
    expect(promtoolOnlyRejections(result).map((r) => `${r.key}: ${r.promtool.message}`)).toEqual([]);
  });

  it("moncc rejects exactly the reviewed expressions that promtool accepts", () => {
    const found = monccOnlyRejections(result).map((r) => r.key).sort();
    const unexpected = monccOnlyRejections(result).filter((r) => !REVIEWED.has(r.key)).map((r) => `${r.key}: ${r.moncc.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
    expect(unexpected, "new moncc-only rejections: a false positive, or review and list them").toEqual([]);
    expect(found).toEqual([...REVIEWED.keys()].sort());
  });

  it("each reviewed rejection has the reviewed code", () => {
    for (const r of monccOnlyRejections(result)) {
      const code = /^MON\d{3}/.exec(REVIEWED.get(r.key)!)![0];
      expect(r.moncc.errors.map((e) => e.code), r.key).toContain(code);
    }
  });
});

describe("the comparison on controls with known verdicts", () => {
  it("sees promtool's and moncc's rejections", () => {
    const result = compareCorpus(controlsCorpus(), requireTool("promtool"), tempDir("moncc-controls-work-"));
    const verdicts = result.rules.map((r) => ({ expr: r.rule.expr, role: r.rule.role, promtool: r.promtool.ok, moncc: r.moncc.errors.length === 0 }));
    expect(verdicts).toEqual(CONTROLS);
    expect(result.rules.filter((r) => !r.promtool.ok).every((r) => r.promtool.message.length > 0)).toBe(true);
  });
});
