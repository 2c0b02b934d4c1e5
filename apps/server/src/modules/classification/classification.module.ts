import { defineModule } from '../../platform/modules/module.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { seedDemoClassification } from './classification.demo.ts';
import { classificationRoutes } from './classification.routes.ts';
import { classificationService } from './classification.service.ts';

/** Security classification (issue 9): category schemes per country, decisions with their suggestion, reviews. */
export const classificationModule = defineModule({
  name: 'classification',
  services: (deps, needs: { assessments: AssessmentsService; assessmentRecords: AssessmentRecordsService }) => ({
    classification: classificationService({ ...deps, assessments: needs.assessments, assessmentRecords: needs.assessmentRecords }),
  }),
  routes: (app, { classification }) => classificationRoutes(app, classification),
  permissions: ['classification.read', 'classification.decide', 'classification.configure'],
  demo: seedDemoClassification,
  navigation: [
    { id: 'category-reviews', labelKey: 'classification.reviewsNav', path: '/category-reviews', permission: 'classification.read' },
    { id: 'category-schemes', labelKey: 'classification.schemesNav', path: '/category-schemes', permission: 'classification.configure' },
  ],
});
