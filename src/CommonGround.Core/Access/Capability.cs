namespace CommonGround.Core.Access;

/// <summary>What a person may do with a child's record, given their relationship to the child.</summary>
public enum Capability
{
    ViewRecord,
    EditProfile,
    SuggestProfile,
    ManageTeam,
    ManageConsent,
    RecordCommitment,
    RecordDelivery,
    RunMeeting,
    RaiseConcern,
    RespondToConcern,
    ManageStatutoryProcess,
    ViewAccessLog,
    ExportRecord,
}
