import { useTranslation } from 'react-i18next';
import type { CodeChannel } from '../gql/graphql';
import type { AppError } from '../lib/errors';
import { RadioGroup } from './RadioGroup';

/** How a code goes to a phone: by SMS or read out in a call. */
export function CodeChannelField({ name, value, onChange, errors }: { name: string; value: CodeChannel; onChange: (channel: CodeChannel) => void; errors?: readonly AppError[] }) {
  const { t } = useTranslation();
  return (
    <RadioGroup<CodeChannel>
      legend={t('login.channel')}
      name={name}
      value={value}
      onChange={onChange}
      options={[
        { value: 'SMS', label: t('login.channelSms') },
        { value: 'CALL', label: t('login.channelCall') },
      ]}
      errors={errors}
    />
  );
}
