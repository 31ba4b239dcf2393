/** The most records one ingest batch may carry, whatever the category and the transport. */
export const MAX_BATCH_RECORDS = 1000;
