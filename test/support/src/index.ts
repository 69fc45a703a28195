// @cwp/test-support: what every test tier shares (time-skipping server, workflow bundles from
// sources, service processes, Kafka event reader). Specs import it by name, never by a path
// that climbs out of their package.
export { createTimeSkippingEnv, testServerPath } from './time-skipping';
export { bundleWorkflowsFromSources } from './workflow-bundle';
export { freePort, startServiceProcess, type ServiceExit, type ServiceProcess, type ServiceProcessOptions } from './service-process';
export { markTopic, readEvents, startGroupAtEnd, type ReadEvent, type ReadEventsOptions, type TopicMark } from './kafka-events';
export { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
export { generateOpenApiDocument, serviceEntry, servicesWithApps } from './openapi-document';
export { callApi, pollUntil, requireE2eStack, saveServiceLogs, type ApiAnswer } from './e2e-http';
