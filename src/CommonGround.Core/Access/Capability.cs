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
    /// <summary>Write the child's support plan with the family: staff of a school, setting, college or the local authority.</summary>
    WritePlan,
    /// <summary>Answer a shared plan line by line: the family, or a young person who decides for themself.</summary>
    RespondToPlan,
    /// <summary>Add a report or letter to the parts of the record the person sees.</summary>
    AddDocument,
}
