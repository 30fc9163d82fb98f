/** The lifecycle fields of a version just saved as a draft (by `createdBy` at `createdAt`), as the store returns them. */
export function draftLifecycleFields(createdBy: string, createdAt: string) {
  return {
    status: 'draft',
    createdBy,
    createdAt,
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    activatedBy: null,
    activatedAt: null,
    rejectedBy: null,
    rejectedAt: null,
    rejectionReason: null,
  } as const;
}
