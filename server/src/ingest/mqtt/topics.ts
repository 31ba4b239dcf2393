/** Whether a topic matches an MQTT filter: "+" one level, "#" (last) any rest, including none. */
export function topicMatches(filter: string, topic: string): boolean {
  // "$SYS/..." and other "$" topics never match a filter starting with a wildcard (MQTT 3.1.1 §4.7.2).
  if (topic.startsWith('$') && /^[+#]/.test(filter)) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** The category of the first configured filter matching the topic, in configuration order. */
export function categoryFor(topics: Readonly<Record<string, string>>, topic: string): string | undefined {
  for (const [filter, category] of Object.entries(topics)) if (topicMatches(filter, topic)) return category;
  return undefined;
}

/** Where the answer to a message goes: the template with "{topic}" replaced, default "{topic}/ack". */
export function replyTopicFor(template: string, topic: string): string {
  return template.replaceAll('{topic}', topic);
}

/**
 * Whether a topic is one of our own reply topics. A filter like "sensors/#" also matches
 * "sensors/SM01/ack": without this guard Beacon would answer its own answers, forever.
 */
export function isReplyTopic(template: string, topic: string): boolean {
  const [before, ...rest] = template.split('{topic}');
  if (!rest.length) return topic === template;
  const after = rest.join('{topic}');
  return topic.length > before!.length + after.length && topic.startsWith(before!) && topic.endsWith(after);
}

/** Problems with a filter, for the start-up configuration check. */
export function filterProblem(filter: string): string | null {
  if (!filter) return 'is empty';
  const levels = filter.split('/');
  for (const [i, level] of levels.entries()) {
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return '"#" must be a whole last level';
    if (level.includes('+') && level !== '+') return '"+" must be a whole level';
  }
  return null;
}
