export {
  addBusinessHours,
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  nextOpening,
  validateCalendar,
} from './business-hours';
export type { BusinessCalendar } from './business-hours';
export { formatDay, formatDayIn, formatDayRange, formatInstant } from './format';
