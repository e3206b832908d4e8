/** The two languages of the interface: Chinese by default, English on request. */
export type Lang = 'zh' | 'en';
