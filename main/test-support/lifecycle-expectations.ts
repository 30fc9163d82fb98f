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
    approvalComment: null,
    activatedBy: null,
    activatedAt: null,
    activationComment: null,
    rejectedBy: null,
    rejectedAt: null,
    rejectionReason: null,
  } as const;
}
