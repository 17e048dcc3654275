namespace CommonGround.Core.Accounts;

public enum AccountKind
{
    /// <summary>A parent carer, young person or other carer.</summary>
    Family,
    /// <summary>Staff of an organisation: school, local authority, health, social care, transport and others.</summary>
    Professional,
    /// <summary>Runs this deployment: creates areas and organisations. Sees no child by default.</summary>
    ServiceAdmin,
}
