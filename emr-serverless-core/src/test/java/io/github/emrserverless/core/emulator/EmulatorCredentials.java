package io.github.emrserverless.core.emulator;

/** Credentials the emulator accepts; with a session token, requests must carry exactly that token. */
public record EmulatorCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    @Override
    public String toString() {
        return "EmulatorCredentials[" + accessKeyId + "]";
    }
}
