import { useRef, useState, type CSSProperties } from 'react';
import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateFormValue, formatDateText, isDateValue, readDateText } from './date-text.ts';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'placeholder' | 'rightSection' | 'min' | 'max'> {
  /** The form's value: ISO 'YYYY-MM-DD' ('YYYY-MM-DDTHH:mm' with a time), '' when empty. */
  value: string;
  /** Called with the new form value (see `dateFormValue`: typed text that is not a date is handed over as typed). */
  onChange: (value: string) => void;
  /** A day and a time on the 24-hour clock (the audit trail's from/to). */
  withTime?: boolean;
  /** The earliest and latest days the calendar offers (ISO); typed dates are checked by the contract. */
  min?: string;
  max?: string;
}

// Out of sight and out of the way, but rendered: the browser opens its picker where the input sits.
const HIDDEN_PICKER: CSSProperties = { position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, padding: 0, border: 0, opacity: 0, pointerEvents: 'none' };

// Browsers without showPicker (Safari before 16) would open nothing: the field is then typed only.
const canShowPicker = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

/**
 * A date the user types as their language writes it ("15.01.2024", placeholder "рр.мм.сссс" in
 * Tajik), or picks from the browser's calendar behind the button. A native date input would draw
 * the browser's own locale (US "mm/dd/yyyy" in a Tajik screen); this field draws only our text.
 * Bind it to a form with `{...form.choice('startsOn')}`.
 */
export function DateField({ value, onChange, withTime = false, min, max, error, onBlur, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDateText(value, withTime));
  // Whether the reader has left the field since typing: a half-typed date is not a mistake yet.
  const [left, setLeft] = useState(false);
  const textInput = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  // The text typed while it still stands for the value; the value itself when the form changed it.
  const shown = dateFormValue(text, withTime) === value ? text : formatDateText(value, withTime);
  const placeholder = t(withTime ? 'dates.input.placeholderTime' : 'dates.input.placeholder');
  const reading = readDateText(shown, withTime);
  const ownProblem =
    reading.kind === 'wrong-form' ? t('dates.input.wrongForm', { format: placeholder }) : reading.kind === 'no-such-day' ? t(withTime ? 'dates.input.noSuchTime' : 'dates.input.noSuchDay') : undefined;
  // The form's error where it has one; where the text is not a date, this field says why more precisely.
  const shownError = ownProblem && (left || error) ? ownProblem : error;

  const take = (next: string) => {
    setText(next);
    setLeft(false);
    onChange(dateFormValue(next, withTime));
  };
  const openPicker = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // Refused here (a cross-origin frame, no user gesture): the date can still be typed.
      textInput.current?.focus();
    }
  };

  return (
    <TextInput
      {...rest}
      ref={textInput}
      value={shown}
      onChange={(e) => take(e.currentTarget.value)}
      onBlur={(e) => {
        setLeft(true);
        // "5.1.2024" becomes "05.01.2024": what was read, shown as the field writes dates.
        if (reading.kind === 'date') setText(formatDateText(reading.value, withTime));
        onBlur?.(e);
      }}
      error={shownError}
      placeholder={placeholder}
      autoComplete="off"
      rightSectionPointerEvents="all"
      rightSection={
        canShowPicker && (
          <>
            <ActionIcon variant="subtle" color="gray" onClick={openPicker} aria-label={t('dates.input.openCalendar')}>
              <CalendarIcon />
            </ActionIcon>
            <input
              ref={picker}
              type={withTime ? 'datetime-local' : 'date'}
              value={isDateValue(value, withTime) ? value : ''}
              min={min}
              max={max}
              onChange={(e) => e.currentTarget.value && take(formatDateText(e.currentTarget.value, withTime))}
              tabIndex={-1}
              aria-hidden="true"
              aria-label={t('dates.input.calendar')}
              style={HIDDEN_PICKER}
            />
          </>
        )
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}
