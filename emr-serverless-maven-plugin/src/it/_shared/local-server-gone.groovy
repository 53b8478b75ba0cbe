// Asserts that nothing of a local server is left: nothing accepts on its port, no process carries its marker.
// Use: evaluate(new File(itShared, 'local-server-gone.groovy'))(id, port)
return { id, port ->
    try {
        new Socket('127.0.0.1', port).close()
        assert false : "port ${port} still accepts connections"
    } catch (ConnectException expected) {
    }
    assert !ProcessHandle.allProcesses().anyMatch { p ->
        p.info().commandLine().orElse('').contains("emr-serverless.localSession=${id}")
    } : "a process of ${id} is still running"
}
