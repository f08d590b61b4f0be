package vn.lienthong.gateway.domain.messagelog;

/** The newest record of the chain: where the next one links to. Record 0 with the genesis hash when empty. */
public record ChainHead(long lastId, String lastHash) {

    public static ChainHead empty() {
        return new ChainHead(0, ChainHash.GENESIS);
    }
}
