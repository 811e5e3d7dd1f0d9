/** Saved scenarios of the simulator (this computer only, per workspace): save under a name, load, delete. */
import {
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioStore, StoredScenario } from '../../data/premium-hooks';
import type { SimulationValues } from './simulation-model';

export function ScenarioPanel(props: {
  readonly store: ScenarioStore<SimulationValues>;
  /** The current values when they are valid; saving is disabled otherwise. */
  readonly current: SimulationValues | undefined;
  readonly onLoad: (values: SimulationValues) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [toDelete, setToDelete] = useState<StoredScenario<SimulationValues> | null>(null);
  const { store, current } = props;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={2} size="h4" mb={4}>
        {t('premium.scenarios.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('premium.scenarios.help')}
      </Text>
      <Group align="flex-end" mb="md">
        <TextInput
          label={t('premium.scenarios.name')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
          }}
          style={{ flex: 1 }}
        />
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={current === undefined || name.trim() === ''}
          onClick={() => {
            if (current === undefined) return;
            store.save(name.trim(), current);
            setName('');
          }}
        >
          {t('premium.scenarios.save')}
        </Button>
      </Group>
      {store.scenarios.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('premium.scenarios.none')}
        </Text>
      ) : (
        <Table data-testid="premium-scenarios">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('premium.scenarios.name')}</Table.Th>
              <Table.Th scope="col">{t('premium.scenarios.savedAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('premium.scenarios.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {store.scenarios.map((scenario) => (
              <Table.Tr key={scenario.id}>
                <Table.Th scope="row">{scenario.name}</Table.Th>
                <Table.Td>{new Date(scenario.savedAt).toLocaleString('fr-FR')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('premium.scenarios.loadNamed', { name: scenario.name })}
                      onClick={() => {
                        props.onLoad(scenario.values);
                      }}
                    >
                      {t('premium.scenarios.load')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('premium.scenarios.deleteNamed', { name: scenario.name })}
                      onClick={() => {
                        setToDelete(scenario);
                      }}
                    >
                      {t('premium.scenarios.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={toDelete !== null}
        onClose={() => {
          setToDelete(null);
        }}
        title={t('premium.scenarios.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('premium.scenarios.cancel') }}
      >
        <Stack>
          <Text>{t('premium.scenarios.confirmBody', { name: toDelete?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setToDelete(null);
              }}
            >
              {t('premium.scenarios.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (toDelete !== null) store.remove(toDelete.id);
                setToDelete(null);
              }}
            >
              {t('premium.scenarios.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
