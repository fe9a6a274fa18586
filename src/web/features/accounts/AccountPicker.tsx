// A searchable account select backed by the list API (for linking a customer user to its account).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, ok } from '../../lib/api';
import { useAccounts } from './hooks';

export function AccountPicker({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useAccounts({ limit: 20, q: q || undefined, sort: 'name' });
  const selected = useQuery({
    queryKey: ['accounts', 'one', value], enabled: !!value,
    queryFn: () => ok(client.GET('/accounts/{id}', { params: { path: { id: value! } } })),
  });
  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, selected.data.name);
  for (const a of list.data?.items ?? []) options.set(a.id, a.name);
  return (
    <Select
      searchable clearable filter={({ options: o }) => o} nothingFoundMessage={list.isFetching ? 'Searching…' : 'No matching account'}
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch} {...rest}
    />
  );
}
