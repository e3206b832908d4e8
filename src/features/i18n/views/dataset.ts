/** Words about the dataset itself (the synthetic-data banner). Keys are prefixed `dataset`. */
const zh = {
  datasetSynthetic: '合成数据（仅供性能测试）',
  datasetSyntheticDetail: '此数据集由程序生成，用于测试全国规模下的速度；其中没有任何一个数字来自真实报告。',
};

const en: Record<keyof typeof zh, string> = {
  datasetSynthetic: 'Synthetic data (benchmark only)',
  datasetSyntheticDetail: 'This dataset was generated to test speed at national scale; not one of its figures comes from a real report.',
};

export const DATASET_MESSAGES = { zh, en };
