import type { EvaluateBody } from '../contracts/prioritization.schema';
import { evaluate, kanoSurvey, type KanoAnswer } from '../domain/prioritization';

/**
 * The prioritisation calculator: the domain's frameworks behind one entry
 * point, for the UI's live previews and for scripts. It stores nothing.
 */
export class PrioritizationService {
  evaluate(body: EvaluateBody) {
    return { framework: body.framework, ...evaluate(body) };
  }

  classifyKano(responses: ReadonlyArray<{ functional: KanoAnswer; dysfunctional: KanoAnswer }>) {
    return kanoSurvey(responses);
  }
}
