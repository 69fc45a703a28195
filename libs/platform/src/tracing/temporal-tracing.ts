import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import { workflowSpanSink } from './tracing';

/** The workflow-side interceptors (in the sandbox); also bundled into prebuilt workflow bundles. */
export const OTEL_WORKFLOW_INTERCEPTORS_MODULE = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Client interceptors: starts, signals, updates and queries carry the active trace context in their headers. */
export function tracingClientInterceptors(): { workflow: WorkflowClientInterceptor[] } {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/**
 * Worker options for tracing: workflow interceptors (spans for the workflow and the activities it
 * schedules, exported through a sink since the sandbox cannot export), activity interceptors
 * (a RunActivity span, active while the activity runs).
 */
export function tracingWorkerOptions(): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const sink = workflowSpanSink();
  return {
    interceptors: {
      workflowModules: [OTEL_WORKFLOW_INTERCEPTORS_MODULE],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    ...(sink ? { sinks: { exporter: makeWorkflowExporter(sink.processor, sink.resource) } } : {}),
  };
}
