package capas.kernel;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * A kernel_info_reply with every field protocol 5.3 lists, {@code status} included (jjava
 * 1.0-a6 leaves it out).
 */
@SuppressWarnings("unused") // fields are read by the JSON serializer
final class KernelInfoContent implements ContentType<KernelInfoContent> {
    private final String status = "ok";
    @SerializedName("protocol_version")
    private final String protocolVersion;
    private final String implementation;
    @SerializedName("implementation_version")
    private final String implementationVersion;
    @SerializedName("language_info")
    private final LanguageInfo languageInfo;
    private final String banner;
    @SerializedName("help_links")
    private final List<HelpLink> helpLinks;

    KernelInfoContent(String protocolVersion, String implementation, String implementationVersion,
            LanguageInfo languageInfo, String banner, List<HelpLink> helpLinks) {
        this.protocolVersion = protocolVersion;
        this.implementation = implementation;
        this.implementationVersion = implementationVersion;
        this.languageInfo = languageInfo;
        this.banner = banner;
        this.helpLinks = helpLinks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<KernelInfoContent> getType() {
        return (MessageType<KernelInfoContent>) (MessageType<?>) MessageType.KERNEL_INFO_REPLY;
    }
}
