import { ref, type InjectionKey } from 'vue';
import type { Command, CommsLink, Region } from '@beacon/shared';
import { api, ApiError } from '../lib/api.ts';
import { useLiveStore } from '../stores/live.ts';
import { useLocaleStore } from '../stores/locale.ts';
import { useSessionStore } from '../stores/session.ts';
import { availability, describeCommand, type Availability } from './commands.ts';
import { newCommandId, sendCommand, type CommandAccepted } from './sendCommand.ts';

export interface PendingCommand {
  command: Command;
  /** Made when the confirm step opens: every retry of this command carries it. */
  commandId: string;
  summary: string;
  reason: string;
  /** comms-linked asks how the post is linked. */
  askLink: boolean;
  link: CommsLink | null;
  busy: boolean;
  retrying: number;
  error: string | null;
}

/**
 * The console's command flow: ask (opens the confirm step with a prefilled reason), confirm (sends,
 * retrying network failures with the same commandId), cancel. Provided to every console component.
 */
export function useConsoleCommands(region: Region) {
  const live = useLiveStore();
  const session = useSessionStore();
  const locale = useLocaleStore();
  const pending = ref<PendingCommand | null>(null);
  const notice = ref<string | null>(null);
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  function can(command: Command): Availability {
    return availability(live.state, session.role, command, locale.locale, locale.t);
  }

  function ask(command: Command) {
    const d = describeCommand(command, live.state, region, locale.locale, locale.t);
    const askLink = command.kind === 'post.milestone' && command.milestone === 'comms-linked';
    pending.value = { command, commandId: newCommandId(), summary: d.summary, reason: d.reason, askLink, link: null, busy: false, retrying: 0, error: null };
  }

  function cancel() {
    if (!pending.value?.busy) pending.value = null;
  }

  async function confirm(): Promise<CommandAccepted | null> {
    const p = pending.value;
    if (!p || p.busy) return null;
    if (!p.reason.trim()) {
      p.error = locale.t.console.reasonNeeded;
      return null;
    }
    if (p.askLink && !p.link) {
      p.error = locale.t.console.linkQuestion;
      return null;
    }
    const command: Command = p.askLink && p.link && p.command.kind === 'post.milestone' ? { ...p.command, link: p.link } : p.command;
    p.busy = true;
    p.error = null;
    try {
      const accepted = await sendCommand(command, p.reason.trim(), {
        post: (body) => api<CommandAccepted>(session.token, '/api/v1/commands', { method: 'POST', body }),
        onRetry: (n) => {
          if (pending.value) pending.value.retrying = n;
        },
      }, p.commandId);
      pending.value = null;
      say(locale.t.console.accepted(p.summary));
      return accepted;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) session.clear(err.message);
      if (pending.value) {
        pending.value.busy = false;
        pending.value.retrying = 0;
        pending.value.error = err instanceof Error ? err.message : String(err);
      }
      return null;
    }
  }

  function say(text: string) {
    notice.value = text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.value = null), 4000);
  }

  return { pending, notice, can, ask, cancel, confirm };
}

export type ConsoleCommands = ReturnType<typeof useConsoleCommands>;
export const consoleCommandsKey: InjectionKey<ConsoleCommands> = Symbol('console commands');
