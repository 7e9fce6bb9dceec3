/**
 * The one place that decides who is program staff. Every staff-only path (matching, the
 * "팀 추천" button, submitted drafts, the staff part of App Home) asks here, on the server.
 */
export type ChannelMembershipCheck = (userId: string) => Promise<boolean>;

export class StaffAccess {
  private readonly staffUserIds: Set<string>;

  constructor(staffUserIds: string[], private readonly isStaffChannelMember?: ChannelMembershipCheck) {
    this.staffUserIds = new Set(staffUserIds);
  }

  async isStaff(userId: string): Promise<boolean> {
    if (this.staffUserIds.has(userId)) return true;
    if (!this.isStaffChannelMember) return false;
    try {
      return await this.isStaffChannelMember(userId);
    } catch {
      return false;
    }
  }
}
