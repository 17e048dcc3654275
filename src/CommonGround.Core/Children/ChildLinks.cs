using CommonGround.Core.DataRights;
using CommonGround.Core.Plans;
using CommonGround.Core.Access;
using CommonGround.Core.Profiles;

namespace CommonGround.Core.Children;

/// <summary>
/// The address of every page about a child, built in one place for the pages, notifications, early warnings and
/// calendar entries that link to it. Addresses are paths; an email or a calendar entry puts the configured public
/// address in front. A test checks each against the routes of the pages.
/// </summary>
public static class ChildLinks
{
    public static string Overview(Guid childId) => $"/children/{childId}";

    public static string WhatIsHappening(Guid childId) => $"{Overview(childId)}/whats-happening";

    public static string WhoHasSeen(Guid childId) => $"{Overview(childId)}/who-has-seen";

    public static string Chronology(Guid childId) => $"{Overview(childId)}/chronology";
    public static string Download(Guid childId) => $"{Overview(childId)}/download";

    /// <summary>Closing the record when support ends, or reopening it before it is erased.</summary>
    public static string Close(Guid childId) => $"{Overview(childId)}/close";

    /// <summary>Where a local authority's admin opens the record in an emergency, without a place on the team.</summary>
    public static string EmergencyAccess(Guid childId) => $"{Overview(childId)}/emergency-access";

    public static string EmergencyAccessEnd(Guid childId) => $"{EmergencyAccess(childId)}/end";

    /// <summary>What can be erased and what must be kept, and the family's requests to erase the record.</summary>
    public static string Erasure(Guid childId) => $"{Overview(childId)}/erasure";

    public static string ErasureRequest(Guid childId, Guid requestId) => $"{Erasure(childId)}/{requestId}";

    /// <summary>The family's requests to correct professionals' words, and the answers.</summary>
    public static string Corrections(Guid childId) => $"{Overview(childId)}/corrections";

    public static string Correction(Guid childId, Guid requestId) => $"{Corrections(childId)}/{requestId}";

    /// <summary>Where the family says what is wrong with one piece of a professional's writing.</summary>
    public static string AskForCorrection(Guid childId, CorrectableKind kind, Guid subjectId) => $"{Corrections(childId)}/ask/{kind.Slug()}/{subjectId}";

    /// <summary>A part of the record that has no page of its own (health, education, care and so on).</summary>
    public static string PartOfRecord(Guid childId, RecordArea area) => area switch
    {
        RecordArea.Commitments => Commitments(childId),
        RecordArea.Meetings => Meetings(childId),
        RecordArea.Concerns => Concerns(childId),
        RecordArea.StatutoryProcess => Statutory(childId),
        RecordArea.AboutMe => AboutMe(childId),
        _ => $"{Overview(childId)}/record/{area.Slug()}",
    };

    // The team, the family and what each may see.
    public static string Team(Guid childId) => $"{Overview(childId)}/team";
    public static string TeamCover(Guid childId) => $"{Team(childId)}/cover";
    public static string MovingSetting(Guid childId) => $"{Overview(childId)}/moving-setting";
    public static string TransitionPack(Guid childId) => $"{Overview(childId)}/transition-pack";
    public static string TeamCoverEnd(Guid childId, Guid coverId) => $"{Team(childId)}/cover/{coverId}/end";

    public static string TeamMemberSharing(Guid childId, Guid teamMemberId) => $"{Team(childId)}/{teamMemberId}/sharing";

    public static string TeamMemberRemoval(Guid childId, Guid teamMemberId) => $"{Team(childId)}/{teamMemberId}/remove";

    public static string TeamMemberKeyWorker(Guid childId, Guid teamMemberId) => $"{Team(childId)}/{teamMemberId}/key-worker";

    public static string TeamMemberLead(Guid childId, Guid teamMemberId) => $"{Team(childId)}/{teamMemberId}/team-lead";

    public static string TeamInvite(Guid childId) => $"{Team(childId)}/invite";

    public static string FamilyInvite(Guid childId) => $"{Overview(childId)}/family/invite";

    public static string FamilyMemberSharing(Guid childId, Guid familyMemberId) => $"{Overview(childId)}/family/{familyMemberId}/sharing";

    public static string AccessRequests(Guid childId) => $"{Overview(childId)}/access-requests";

    public static string AskForAccess(Guid childId) => $"{Overview(childId)}/ask-for-access";

    // About me.
    public static string AboutMe(Guid childId) => $"{Overview(childId)}/about-me";

    /// <summary>One About me section, on the About me page.</summary>
    public static string AboutMe(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}#{section.Slug()}";

    public static string AboutMeEdit(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}/{section.Slug()}/edit";

    public static string AboutMeConfirm(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}/{section.Slug()}/confirm";

    public static string AboutMeSuggest(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}/{section.Slug()}/suggest";

    public static string AboutMeHistory(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}/{section.Slug()}/history";

    public static string AboutMeOnePage(Guid childId) => $"{AboutMe(childId)}/one-page";

    public static string AboutMeSuggestions(Guid childId) => $"{AboutMe(childId)}/suggestions";

    public static string AboutMeSuggestionEdit(Guid childId, Guid suggestionId) => $"{AboutMeSuggestions(childId)}/{suggestionId}/edit";

    public static string AboutMeSuggestionDecline(Guid childId, Guid suggestionId) => $"{AboutMeSuggestions(childId)}/{suggestionId}/decline";

    public static string AboutMeSharing(Guid childId) => $"{AboutMe(childId)}/share";

    public static string AboutMeShareLinkStop(Guid childId, Guid linkId) => $"{AboutMeSharing(childId)}/{linkId}/stop";

    // Concerns and conversations.
    public static string Concerns(Guid childId) => $"{Overview(childId)}/concerns";

    public static string Concern(Guid childId, Guid concernId) => $"{Concerns(childId)}/{concernId}";

    public static string NewConcern(Guid childId) => $"{Concerns(childId)}/new";

    /// <summary>Raising a concern about a commitment.</summary>
    public static string NewConcern(Guid childId, Guid commitmentId) => $"{NewConcern(childId)}?commitment={commitmentId}";

    public static string ConcernAcknowledge(Guid childId, Guid concernId) => $"{Concern(childId, concernId)}/acknowledge";

    public static string ConcernRespond(Guid childId, Guid concernId) => $"{Concern(childId, concernId)}/respond";

    public static string ConcernResolve(Guid childId, Guid concernId) => $"{Concern(childId, concernId)}/resolve";

    /// <summary>Where the person who raised a concern says whether it is resolved.</summary>
    public static string ConcernResolved(Guid childId, Guid concernId) => $"{Concern(childId, concernId)}/resolved";

    public static string ConcernAssign(Guid childId, Guid concernId) => $"{Concern(childId, concernId)}/assign";

    public static string Conversations(Guid childId) => $"{Overview(childId)}/conversations";

    public static string Conversation(Guid childId, Guid conversationId) => $"{Conversations(childId)}/{conversationId}";

    public static string NewConversation(Guid childId) => $"{Conversations(childId)}/new";

    /// <summary>Starting (or joining) the conversation about a concern.</summary>
    public static string NewConversation(Guid childId, Guid concernId) => $"{NewConversation(childId)}?concern={concernId}";

    // Commitments.
    public static string Commitments(Guid childId) => $"{Overview(childId)}/commitments";

    public static string Commitment(Guid childId, Guid commitmentId) => $"{Commitments(childId)}/{commitmentId}";

    public static string NewCommitment(Guid childId) => $"{Commitments(childId)}/new";

    public static string CommitmentsExport(Guid childId) => $"{Commitments(childId)}/export";

    // Support plans.
    public static string Plans(Guid childId) => $"{Overview(childId)}/plans";

    public static string NewPlan(Guid childId) => $"{Plans(childId)}/new";

    public static string Plan(Guid childId, Guid planId) => $"{Plans(childId)}/{planId}";

    /// <summary>Adding a need, an outcome or a provision line to a plan.</summary>
    public static string NewPlanLine(Guid childId, Guid planId, PlanLineKind kind) => $"{Plan(childId, planId)}/{kind.Slug()}";

    public static string PlanLine(Guid childId, Guid planId, PlanLineKind kind, Guid lineId) => $"{NewPlanLine(childId, planId, kind)}/{lineId}";

    public static string SharePlan(Guid childId, Guid planId) => $"{Plan(childId, planId)}/share";

    public static string AnswerPlan(Guid childId, Guid planId) => $"{Plan(childId, planId)}/answer";

    public static string ReplyToPlanAnswer(Guid childId, Guid planId, Guid responseId) => $"{Plan(childId, planId)}/answers/{responseId}/reply";

    public static string AgreePlan(Guid childId, Guid planId) => $"{Plan(childId, planId)}/agree";

    public static string ReviewPlan(Guid childId, Guid planId) => $"{Plan(childId, planId)}/review";

    /// <summary>The family's own words on each outcome, at a review.</summary>
    public static string PlanProgress(Guid childId, Guid planId) => $"{Plan(childId, planId)}/progress";

    public static string PlanVersions(Guid childId, Guid planId) => $"{Plan(childId, planId)}/versions";

    /// <summary>The plan's author answering one piece of advice's recommendations: adopted in a line, or not and why.</summary>
    public static string AnswerRecommendations(Guid childId, Guid planId, Guid requestId) => $"{Plan(childId, planId)}/advice/{requestId}";

    /// <summary>The family disagreeing with what a plan does with a recommendation.</summary>
    public static string DisagreeWithRecommendation(Guid childId, Guid planId, Guid answerId) => $"{Plan(childId, planId)}/recommendations/{answerId}/disagree";

    // Documents.
    public static string Documents(Guid childId) => $"{Overview(childId)}/documents";

    public static string NewDocument(Guid childId) => $"{Documents(childId)}/new";

    public static string Document(Guid childId, Guid documentId) => $"{Documents(childId)}/{documentId}";

    // Advice.
    public static string Advice(Guid childId) => $"{Overview(childId)}/advice";

    public static string AskForAdvice(Guid childId) => $"{Advice(childId)}/new";

    /// <summary>The family giving their own advice, unasked.</summary>
    public static string FamilyAdvice(Guid childId) => $"{Advice(childId)}/family";

    public static string AdviceRequest(Guid childId, Guid requestId) => $"{Advice(childId)}/{requestId}";

    /// <summary>Recording that an appointment needed for EHC advice was missed.</summary>
    public static string AdviceMissedAppointment(Guid childId, Guid requestId) => $"{AdviceRequest(childId, requestId)}/missed-appointment";

    // Meetings.
    public static string Meetings(Guid childId) => $"{Overview(childId)}/meetings";

    public static string Meeting(Guid childId, Guid meetingId) => $"{Meetings(childId)}/{meetingId}";

    public static string NewMeeting(Guid childId) => $"{Meetings(childId)}/new";

    public static string MeetingRecord(Guid childId, Guid meetingId) => $"{Meeting(childId, meetingId)}/record";

    // Statutory processes.
    public static string Statutory(Guid childId) => $"{Overview(childId)}/statutory";

    public static string NewStatutoryProcess(Guid childId) => $"{Statutory(childId)}/new";

    public static string StatutoryProcess(Guid childId, Guid processId) => $"{Statutory(childId)}/{processId}";

    public static string NewStatutoryEvent(Guid childId, Guid processId) => $"{StatutoryProcess(childId, processId)}/events/new";

    public static string StatutoryEventConfirm(Guid childId, Guid processId, Guid eventId) => $"{StatutoryProcess(childId, processId)}/events/{eventId}/confirm";

    public static string StatutoryEventCorrect(Guid childId, Guid processId, Guid eventId) => $"{StatutoryProcess(childId, processId)}/events/{eventId}/correct";

    /// <summary>A letter about the statutory dates, named by its kind (for example "late-plan").</summary>
    public static string StatutoryLetter(Guid childId, string letter) => $"{Statutory(childId)}/letters/{letter}";
}
