/**
 * The run task request HCP Terraform POSTs to the integration (payload_version 1), checked field by field. Errors
 * name the field and what is allowed, never what was sent: the body holds a bearer token.
 */
import { isJsonObject } from "../json-object";

/** The token of the request HCP Terraform sends when a run task is created or edited: answered 200, not a run. */
export const VERIFICATION_TOKEN = "test-token";

/** Stages whose request carries plan_json_api_url: the ones this server audits. */
export const PLAN_STAGES = ["post_plan", "pre_apply"] as const;

export interface RunTaskRequest {
  readonly accessToken: string;
  readonly stage: string;
  readonly runId: string;
  /** The task result this request is for (one per run, stage and task); a retried request repeats it. */
  readonly taskResultId?: string;
  readonly callbackUrl: URL;
  /** Set for post_plan and pre_apply. */
  readonly planUrl?: URL;
  readonly enforcement: "advisory" | "mandatory" | "unknown";
  readonly workspaceName?: string;
  readonly isSpeculative: boolean;
  /**
   * capabilities.outcomes: whether the platform accepts detailed outcomes in the callback. Only `true` counts: a
   * Terraform Enterprise that does not say so gets the message alone (it gives the counts).
   */
  readonly outcomes: boolean;
}

/** A request this server refuses: HTTP 400 with `message` as its one-line JSON error. */
export class BadRunTaskRequest extends Error {}

/** What an identifier HCP Terraform makes looks like (run-..., taskrs-...); anything else is not echoed in logs. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Workspace names: letters, digits, - and _, up to 90 characters (HCP Terraform's own rule). */
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
/**
 * Stage names as HCP Terraform spells them (pre_plan, post_plan, pre_apply, post_apply, and any later one); older
 * Terraform Enterprise documentation spells them with hyphens (post-plan), read as the same stage.
 */
const STAGE = /^[a-z][a-z_-]{0,31}$/;

/** Whether a parsed body is the verification request (checked before any other field: its URLs are test values). */
export function isVerification(doc: unknown): boolean {
  return isJsonObject(doc) && doc.access_token === VERIFICATION_TOKEN;
}

/**
 * Reads a run request. `allowed` are the origins the plan and callback URLs may point at (the HCP Terraform or
 * Terraform Enterprise the server serves): a signed request is trusted, but an unsigned one (--insecure-no-hmac)
 * must not make this server send a bearer token, or fetch, anywhere else.
 */
export function readRunTaskRequest(doc: unknown, allowed: readonly string[]): RunTaskRequest {
  if (!isJsonObject(doc)) throw new BadRunTaskRequest("the body is not a JSON object (a run task request, payload_version 1)");
  if (doc.payload_version !== 1) throw new BadRunTaskRequest("payload_version must be 1 (the only run task payload version)");
  const accessToken = doc.access_token;
  if (typeof accessToken !== "string" || accessToken === "" || /[\s]/.test(accessToken)) throw new BadRunTaskRequest("access_token must be a non-empty string without spaces");
  if (typeof doc.stage !== "string" || !STAGE.test(doc.stage)) throw new BadRunTaskRequest("stage must be a run stage name (post_plan, pre_apply, ...)");
  const stage = doc.stage.replace(/-/g, "_");
  const runId = doc.run_id;
  if (typeof runId !== "string" || !ID.test(runId)) throw new BadRunTaskRequest("run_id must be a run id (letters, digits, - and _)");
  const callbackUrl = urlField(doc, "task_result_callback_url", allowed);
  const planStage = (PLAN_STAGES as readonly string[]).includes(stage);
  const planUrl = planStage ? urlField(doc, "plan_json_api_url", allowed) : undefined;
  const level = doc.task_result_enforcement_level;
  const enforcement = level === "advisory" || level === "mandatory" ? level : "unknown";
  const ws = doc.workspace_name;
  const taskResultId = doc.task_result_id;
  return {
    accessToken,
    stage,
    runId,
    taskResultId: typeof taskResultId === "string" && ID.test(taskResultId) ? taskResultId : undefined,
    callbackUrl,
    planUrl,
    enforcement,
    workspaceName: typeof ws === "string" && WORKSPACE_NAME.test(ws) ? ws : undefined,
    isSpeculative: doc.is_speculative === true,
    outcomes: isJsonObject(doc.capabilities) && doc.capabilities.outcomes === true,
  };
}

function urlField(doc: Record<string, unknown>, field: string, allowed: readonly string[]): URL {
  const v = doc[field];
  if (typeof v !== "string" || v === "") throw new BadRunTaskRequest(`${field} must be a URL`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new BadRunTaskRequest(`${field} must be a URL`);
  }
  if (u.username || u.password) throw new BadRunTaskRequest(`${field} must not hold credentials`);
  if (!allowed.includes(u.origin)) throw new BadRunTaskRequest(`${field} is not on an allowed origin (${allowed.join(", ")}; see --allow-origin)`);
  return u;
}

