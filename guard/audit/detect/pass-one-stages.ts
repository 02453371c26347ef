import type { DetectStage } from "./stage";
import { configurationLiteralStage } from "./configuration-literal-stage";
import { writeOnlyStage } from "./write-only-stage";
import { terraformMarksStage } from "./terraform-marks-stage";
import { providerSchemaStage } from "./provider-schema-stage";
import { catalogueStage } from "./catalogue-stage";

/**
 * The stages that judge each string as it is read (pass 1), in order; the first verdict wins. Pass 2
 * (propagation.ts) then follows every value they found, and the user's known values, through the whole file.
 */
export const PASS_ONE_STAGES: readonly DetectStage[] = [
  configurationLiteralStage,
  writeOnlyStage,
  terraformMarksStage,
  providerSchemaStage,
  catalogueStage,
];
