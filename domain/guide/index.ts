export {
  buildPolicyGuide,
  type GuideBlock,
  type GuidePartners,
  type GuidePolicyVersion,
  type GuideSection,
  type PolicyGuide,
} from './build';
export { renderPolicyGuideHtml, renderPolicyGuideMarkdown } from './render';
export { durationInWords } from './words';
