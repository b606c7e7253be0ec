import type { ForecastHowManyBody, ForecastWhenBody } from '../contracts/forecast.schema';
import { forecastHowMany, forecastWhen } from '../domain/roadmap/forecast';

/**
 * The forecast calculator: Monte Carlo over a throughput history the caller
 * sends. It stores nothing. Without a seed it draws one, and the answer names
 * it, so any forecast can be run again to the same result.
 */
export class ForecastService {
  constructor(private readonly newSeed: () => number) {}

  when(body: ForecastWhenBody) {
    return forecastWhen({ ...body, seed: body.seed ?? this.newSeed() });
  }

  howMany(body: ForecastHowManyBody) {
    return forecastHowMany({ ...body, seed: body.seed ?? this.newSeed() });
  }
}
