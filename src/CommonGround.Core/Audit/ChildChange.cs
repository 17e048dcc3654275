using System.Text.Json;
using System.Text.Json.Serialization;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;

namespace CommonGround.Core.Audit;

/// <summary>
/// One change to a child's record: what happened (a stable name from <see cref="AuditActions"/>), the part of the
/// record it touched (none for the team and what is shared), a plain-English line free of sensitive detail, and what
/// it was about. Every change to a child is written from one of these by <see cref="AuditEvent.ForChild"/>, so the child
/// and area are always set and the chronology can say each change and link to what it was about.
/// </summary>
public sealed record ChildChange(string Action, RecordArea? Area, string Summary, ChangeSubject Subject);

/// <summary>
/// What a change to a child's record was about. It is kept with the audit event as its payload (never health or other
/// sensitive detail: only which thing), and read back to link the chronology to it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "about")]
[JsonDerivedType(typeof(WholeRecord), "record")]
[JsonDerivedType(typeof(Team), "team")]
[JsonDerivedType(typeof(AboutMeSection), "about-me")]
[JsonDerivedType(typeof(AboutMeSharing), "about-me-sharing")]
[JsonDerivedType(typeof(Concern), "concern")]
[JsonDerivedType(typeof(Conversation), "conversation")]
[JsonDerivedType(typeof(Commitment), "commitment")]
[JsonDerivedType(typeof(Meeting), "meeting")]
[JsonDerivedType(typeof(StatutoryProcess), "statutory-process")]
[JsonDerivedType(typeof(Plan), "plan")]
[JsonDerivedType(typeof(Document), "document")]
[JsonDerivedType(typeof(Advice), "advice")]
[JsonDerivedType(typeof(Correction), "correction")]
[JsonDerivedType(typeof(Erasure), "erasure")]
public abstract record ChangeSubject
{
    /// <summary>Where in the service the thing is now, for a person who may see it.</summary>
    public abstract string Link(Guid childId);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The subject kept with an event, or null for an event written before subjects were kept (or unreadable).</summary>
    public static ChangeSubject? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ChangeSubject>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The record as a whole: it was started.</summary>
    public sealed record WholeRecord : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Overview(childId);
    }

    /// <summary>The team, the family on the record, and what each of them may see.</summary>
    public sealed record Team : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Team(childId);
    }

    public sealed record AboutMeSection(ProfileSectionKind Section) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.AboutMe(childId, Section);
    }

    /// <summary>The links that share About me outside the service.</summary>
    public sealed record AboutMeSharing : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.AboutMeSharing(childId);
    }

    public sealed record Concern(Guid ConcernId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Concern(childId, ConcernId);
    }

    public sealed record Conversation(Guid ConversationId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Conversation(childId, ConversationId);
    }

    public sealed record Commitment(Guid CommitmentId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Commitment(childId, CommitmentId);
    }

    public sealed record Meeting(Guid MeetingId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Meeting(childId, MeetingId);
    }

    public sealed record StatutoryProcess(Guid ProcessId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.StatutoryProcess(childId, ProcessId);
    }

    public sealed record Plan(Guid PlanId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Plan(childId, PlanId);
    }

    public sealed record Document(Guid DocumentId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Document(childId, DocumentId);
    }

    public sealed record Advice(Guid RequestId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.AdviceRequest(childId, RequestId);
    }

    public sealed record Correction(Guid RequestId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.Correction(childId, RequestId);
    }

    /// <summary>A family's request to erase the record, and its answer.</summary>
    public sealed record Erasure(Guid RequestId) : ChangeSubject
    {
        public override string Link(Guid childId) => ChildLinks.ErasureRequest(childId, RequestId);
    }
}
