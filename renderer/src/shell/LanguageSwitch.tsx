import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { isLanguage, type Language } from '../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <SegmentedControl<Language>
      size="xs"
      aria-label={t('language.label')}
      value={current}
      onChange={setLanguage}
      data={[
        { value: 'en', label: t('language.en') },
        { value: 'zh-CN', label: t('language.zhCN') },
      ]}
      data-testid="language-switch"
    />
  );
}
