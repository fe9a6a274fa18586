// A persona's workspace (/workspace/:persona): each role's own work. Who may open which is in the page table of core.
import type { ComponentType } from 'react';
import { useParams } from 'react-router';
import { NotFound } from '../../ui/NotFound';
import { AeWorkspace } from './AeWorkspace';
import { DeliveryWorkspace } from './DeliveryWorkspace';
import { FinanceWorkspace } from './FinanceWorkspace';
import type { PersonaKey } from './personas';
import { SdrWorkspace } from './SdrWorkspace';
import { SuccessWorkspace } from './SuccessWorkspace';
import { SupportWorkspace } from './SupportWorkspace';

const VIEWS: Record<PersonaKey, ComponentType> = {
  sdr: SdrWorkspace, sales: AeWorkspace, delivery: DeliveryWorkspace, finance: FinanceWorkspace, success: SuccessWorkspace, support: SupportWorkspace,
};

export function WorkspacePage() {
  const { persona = '' } = useParams();
  const View = Object.hasOwn(VIEWS, persona) ? VIEWS[persona as PersonaKey] : null;
  return View ? <View /> : <NotFound />;
}
