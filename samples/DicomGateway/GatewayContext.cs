namespace DicomGateway
{
    /// <summary>What every association of the gateway's SCP shares: where studies are kept, and where they go next.</summary>
    public sealed record GatewayContext(string StorageRoot, PacsForwarder Forwarder);
}
