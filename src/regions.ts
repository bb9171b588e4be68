/** FC 3.0 regions accepted by the fc3 component's schema (`IRegion`). */
export const REGIONS = [
  'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-5', 'ap-southeast-7', 'cn-beijing', 'cn-chengdu', 'cn-hangzhou', 'cn-heyuan-acdr-1',
  'cn-hongkong', 'cn-huhehaote', 'cn-qingdao', 'cn-shanghai', 'cn-shanghai-cloudspe', 'cn-shanghai-finance-1',
  'cn-shenzhen', 'cn-wulanchabu', 'cn-zhangjiakou', 'eu-central-1', 'eu-west-1', 'me-central-1', 'us-east-1',
  'us-west-1',
] as const;

export const DEFAULT_REGION = 'cn-hangzhou';
