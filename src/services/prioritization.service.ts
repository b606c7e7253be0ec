import type { EvaluateBody } from '../contracts/prioritization.schema';
import { ice, kanoSurvey, moscow, rice, valueEffort, weighted, wsjf, type KanoAnswer } from '../domain/prioritization';

/**
 * The prioritisation calculator: the domain's frameworks behind one entry
 * point, for the UI's live previews and for scripts. It stores nothing.
 */
export class PrioritizationService {
  evaluate(body: EvaluateBody) {
    switch (body.framework) {
      case 'rice':
        return { framework: body.framework, ...rice(body.inputs) };
      case 'ice':
        return { framework: body.framework, ...ice(body.inputs) };
      case 'wsjf':
        return { framework: body.framework, ...wsjf(body.inputs) };
      case 'moscow':
        return { framework: body.framework, ...moscow(body.inputs) };
      case 'value_effort':
        return { framework: body.framework, ...valueEffort(body.inputs) };
      case 'weighted':
        return { framework: body.framework, ...weighted(body.inputs) };
    }
  }

  classifyKano(responses: ReadonlyArray<{ functional: KanoAnswer; dysfunctional: KanoAnswer }>) {
    return kanoSurvey(responses);
  }
}
